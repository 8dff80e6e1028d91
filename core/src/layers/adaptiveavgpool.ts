// adaptiveavgpool: PyTorch AdaptiveAvgPool2d (the rule is shared with adaptivemaxpool: adaptivePool.ts).
import { adaptivePoolSpec } from './adaptivePool';

export const adaptiveavgpool = adaptivePoolSpec('adaptiveavgpool', 'Average', ['AdaptiveAvgPool2d', 'adaptive_avg_pool2d']);
