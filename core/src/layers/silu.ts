// silu: x·sigmoid(x) (PyTorch SiLU, also called swish: EfficientNet, YOLO).
import { elementwise } from './activations';

export const silu = elementwise('silu', 'SiLU (swish): x · sigmoid(x)', ['SiLU', 'swish', 'Swish']);
