// mish: x·tanh(softplus(x)) (PyTorch Mish).
import { elementwise } from './activations';

export const mish = elementwise('mish', 'Mish: x · tanh(ln(1 + e^x))', ['Mish']);
