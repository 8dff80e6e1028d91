// hardswish: x·min(max(x + 3, 0), 6)/6 (PyTorch Hardswish, MobileNetV3).
import { elementwise } from './activations';

export const hardswish = elementwise('hardswish', 'Hard swish: x · min(max(x + 3, 0), 6) / 6 (PyTorch)', ['Hardswish', 'hard_swish', 'h_swish']);
