// maxpool: PyTorch MaxPool2d, Keras MaxPooling2D. The shape rule is shared with avgpool (pool.ts).
import { poolSpec } from './pool';

export const maxpool = poolSpec('maxpool', 'Max', ['MaxPool2d', 'MaxPooling2D', 'max_pool2d']);
