// avgpool: PyTorch AvgPool2d, Keras AveragePooling2D. The shape rule is shared with maxpool (pool.ts).
import { poolSpec } from './pool';

export const avgpool = poolSpec('avgpool', 'Average', ['AvgPool2d', 'AveragePooling2D', 'avg_pool2d', 'averagepool']);
