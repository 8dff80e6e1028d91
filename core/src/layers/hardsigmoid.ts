// hardsigmoid: min(max(x + 3, 0), 6)/6 (PyTorch Hardsigmoid, MobileNetV3's squeeze-and-excitation).
// PyTorch's slope is 1/6; Keras' older hard_sigmoid used 0.2: this is PyTorch's.
import { elementwise } from './activations';

export const hardsigmoid = elementwise('hardsigmoid', 'Hard sigmoid: min(max(x + 3, 0), 6) / 6 (PyTorch, slope 1/6)', ['Hardsigmoid', 'hard_sigmoid', 'h_sigmoid']);
