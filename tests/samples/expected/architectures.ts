// The sample networks written a second time, from the papers and torchvision, with the independent
// calculator in calc.ts. `write-golden.ts` turns this into tests/fixtures/samples.golden.json.
// Published totals are checked by calc.ts itself: a slip here throws before any golden is written.
import { Net, type ExpectedModel } from './calc';

const RGB224 = { width: 224, height: 224, depth: 3 };

function lenet5(): ExpectedModel {
  const n = new Net({ width: 32, height: 32, depth: 1 });
  n.conv(6, 5).same('tanh').pool('avgpool', 2);
  n.conv(16, 5).same('tanh').pool('avgpool', 2);
  n.flatten().dense(120).same('tanh').dense(84).same('tanh').dense(10).same('softmax');
  // 156 + 2,416 + 48,120 + 10,164 + 850, the count usually quoted for this modern LeNet-5.
  return n.done('LeNet-5 (LeCun et al. 1998) with dense C5/F6/output, as in most courses', 61_706);
}

/** The 2012 paper's AlexNet: 96 filters in conv1, groups 2 where the two GPUs were split. */
function alexnet(size: number, published?: number): ExpectedModel {
  const n = new Net({ width: size, height: size, depth: 3 });
  n.conv(96, 11, { name: 'conv1', s: 4 }).same('relu').pool('maxpool', 3, { name: 'pool1', s: 2 });
  n.conv(256, 5, { name: 'conv2', p: 2, groups: 2 }).same('relu').pool('maxpool', 3, { name: 'pool2', s: 2 });
  n.conv(384, 3, { name: 'conv3', p: 1 }).same('relu');
  n.conv(384, 3, { name: 'conv4', p: 1, groups: 2 }).same('relu');
  n.conv(256, 3, { name: 'conv5', p: 1, groups: 2 }).same('relu').pool('maxpool', 3, { name: 'pool5', s: 2 });
  n.flatten().same('dropout').dense(4096, { name: 'fc6' }).same('relu').same('dropout');
  n.dense(4096, { name: 'fc7' }).same('relu').dense(1000, { name: 'fc8' }).same('softmax');
  return n.done(`AlexNet (Krizhevsky et al. 2012, two-GPU groups), ${size}×${size}×3 input`, published);
}

/** torchvision vgg16: features.N / classifier.N are its state_dict indices. */
function vgg16(): ExpectedModel {
  const n = new Net(RGB224);
  let i = 0;
  for (const v of [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'] as const) {
    if (v === 'M') n.pool('maxpool', 2, { name: `features.${i++}` });
    else {
      n.conv(v, 3, { name: `features.${i++}`, p: 1 }).same('relu');
      i++;
    }
  }
  n.flatten().dense(4096, { name: 'classifier.0' }).same('relu').same('dropout');
  n.dense(4096, { name: 'classifier.3' }).same('relu').same('dropout');
  n.dense(1000, { name: 'classifier.6' }).same('softmax');
  return n.done('VGG-16 (Simonyan & Zisserman 2014, configuration D) as torchvision.models.vgg16', 138_357_544);
}

/** torchvision resnet18: BasicBlock ×2 per stage, 1×1 stride-2 conv + batchnorm shortcuts. */
function resnet18(): ExpectedModel {
  const n = new Net(RGB224, 'floor');
  n.conv(64, 7, { name: 'conv1', s: 2, p: 3, bias: false }).batchnorm({ name: 'bn1' }).same('relu');
  n.pool('maxpool', 3, { name: 'maxpool', s: 2, p: 1 });
  let prev = 'maxpool';
  for (const [stage, c, s] of [[1, 64, 1], [2, 128, 2], [3, 256, 2], [4, 512, 2]] as const) {
    for (const b of [0, 1]) {
      const p = `layer${stage}.${b}`;
      const stride = b === 0 ? s : 1;
      n.conv(c, 3, { name: `${p}.conv1`, s: stride, p: 1, bias: false }).batchnorm({ name: `${p}.bn1` }).same('relu');
      n.conv(c, 3, { name: `${p}.conv2`, p: 1, bias: false }).batchnorm({ name: `${p}.bn2` });
      let shortcut = prev;
      if (stride !== 1) {
        n.conv(c, 1, { name: `${p}.downsample.0`, from: prev, s: 2, bias: false }).batchnorm({ name: `${p}.downsample.1` });
        shortcut = `${p}.downsample.1`;
      }
      n.add({ name: `${p}.add`, from: [`${p}.bn2`, shortcut] }).same('relu', { name: p });
      prev = p;
    }
  }
  n.globalavgpool({ name: 'avgpool' }).flatten().dense(1000, { name: 'fc' });
  return n.done('ResNet-18 (He et al. 2015) as torchvision.models.resnet18', 11_689_512);
}

function mobilenetBlocks(): ExpectedModel {
  const n = new Net(RGB224);
  n.conv(32, 3, { name: 'stem', s: 2, p: 'same', bias: false }).batchnorm().same('relu');
  n.conv(32, 3, { name: 'block1_dw', p: 1, groups: 32, bias: false }).batchnorm().same('relu');
  n.conv(64, 1, { name: 'block1_pw', bias: false }).batchnorm().same('relu');
  n.conv(64, 3, { name: 'block2_dw', s: 2, p: 'same', groups: 64, bias: false }).batchnorm().same('relu');
  n.conv(128, 1, { name: 'block2_pw', bias: false }).batchnorm().same('relu');
  return n.done('MobileNet v1 (Howard et al. 2017): stem and the first two depthwise separable blocks');
}

function inception3a(): ExpectedModel {
  const n = new Net({ width: 28, height: 28, depth: 192 });
  n.conv(64, 1, { name: '1×1', from: 'input' }).same('relu', { name: '1×1 relu' });
  n.conv(96, 1, { name: '3×3 reduce', from: 'input' }).same('relu');
  n.conv(128, 3, { name: '3×3', p: 1 }).same('relu', { name: '3×3 relu' });
  n.conv(16, 1, { name: '5×5 reduce', from: 'input' }).same('relu');
  n.conv(32, 5, { name: '5×5', p: 2 }).same('relu', { name: '5×5 relu' });
  n.pool('maxpool', 3, { name: 'pool', from: 'input', s: 1, p: 1 });
  n.conv(32, 1, { name: 'pool proj' }).same('relu', { name: 'pool proj relu' });
  n.concat({ name: 'inception (3a) output', from: ['1×1 relu', '3×3 relu', '5×5 relu', 'pool proj relu'] });
  return n.done('GoogLeNet inception (3a) (Szegedy et al. 2014, table 1: 28×28×192 → 28×28×256)');
}

function unetSmall(): ExpectedModel {
  const n = new Net({ width: 64, height: 64, depth: 3 });
  const twoConvs = (c: number, last?: string) => n.conv(c, 3, { p: 1 }).same('relu').conv(c, 3, { p: 1 }).same('relu', last ? { name: last } : {});
  twoConvs(16, 'enc1').pool('maxpool', 2);
  twoConvs(32, 'enc2').pool('maxpool', 2);
  twoConvs(64);
  n.upsample(2).conv(32, 3, { name: 'up2', p: 1 }).concat({ name: 'skip2', from: ['up2', 'enc2'] });
  twoConvs(32);
  n.upsample(2).conv(16, 3, { name: 'up1', p: 1 }).concat({ name: 'skip1', from: ['up1', 'enc1'] });
  twoConvs(16);
  n.conv(2, 1, { name: 'head' }).same('softmax');
  return n.done('A small padded U-Net (after Ronneberger et al. 2015)');
}

function stride3(padding: number): ExpectedModel {
  const n = new Net({ width: 32, height: 32, depth: 3 });
  n.conv(8, 4, { s: 3, p: padding }).same('relu');
  return n.done(`The tutorial's 32×32×3 image, 4×4 filter, stride 3, padding ${padding}`);
}

function goPolicy(): ExpectedModel {
  const n = new Net({ width: 19, height: 19, depth: 48 });
  n.conv(192, 5, { name: 'conv1', p: 2 }).same('relu');
  for (let i = 2; i <= 12; i++) n.conv(192, 3, { name: `conv${i}`, p: 1 }).same('relu');
  n.conv(1, 1, { name: 'conv13' }).flatten().same('softmax');
  return n.done('AlphaGo SL policy network (Silver et al. 2016): 13 layers, k = 192');
}

/** Keyed by the sample's path from the repository root. */
export function expectedSamples(): Record<string, ExpectedModel> {
  return {
    'samples/lenet5.cnn.yaml': lenet5(),
    // 60,965,224: the total Caffe's bvlc_alexnet (the paper's layers, with groups) reports.
    'samples/alexnet-227.cnn.yaml': alexnet(227, 60_965_224),
    'samples/alexnet-224.cnn.json': alexnet(224),
    'samples/vgg16.cnn.json': vgg16(),
    'samples/resnet18.cnn.yaml': resnet18(),
    'samples/mobilenet-block.cnn.yml': mobilenetBlocks(),
    'samples/inception-block.cnn.json': inception3a(),
    'samples/unet-small.cnn.yaml': unetSmall(),
    'samples/stride3-not-whole.cnn.yaml': stride3(0),
    'samples/stride3-padding1.cnn.yml': stride3(1),
    'samples/go-policy.cnn.json': goPolicy(),
  };
}
