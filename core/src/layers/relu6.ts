// relu6: min(max(0, x), 6) (PyTorch ReLU6, MobileNetV2).
import { elementwise } from './activations';

export const relu6 = elementwise('relu6', 'ReLU6: min(max(0, x), 6)', ['ReLU6']);
