// adaptivemaxpool: PyTorch AdaptiveMaxPool2d (the rule is shared with adaptiveavgpool: adaptivePool.ts).
import { adaptivePoolSpec } from './adaptivePool';

export const adaptivemaxpool = adaptivePoolSpec('adaptivemaxpool', 'Max', ['AdaptiveMaxPool2d', 'adaptive_max_pool2d']);
