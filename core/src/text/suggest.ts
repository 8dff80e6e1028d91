// "Did you mean …?" by edit distance, as compilers do: only close candidates are offered.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * What PyTorch and Keras users type for our names: `Conv2d`, `kernel_size`, `Linear`… Keys are
 * lower case without `_` or `-`.
 */
const ALIASES: Record<string, string> = {
  conv2d: 'conv', convolution: 'conv', convolution2d: 'conv', linear: 'dense', fc: 'dense', fullyconnected: 'dense',
  maxpool2d: 'maxpool', maxpooling2d: 'maxpool', avgpool2d: 'avgpool', averagepooling2d: 'avgpool',
  batchnorm2d: 'batchnorm', batchnormalization: 'batchnorm', bn: 'batchnorm',
  globalaveragepooling2d: 'globalavgpool', adaptiveavgpool2d: 'globalavgpool', globalmaxpooling2d: 'globalmaxpool',
  adaptivemaxpool2d: 'globalmaxpool', upsampling2d: 'upsample', concatenate: 'concat', cat: 'concat', dropout2d: 'dropout',
  kernelsize: 'kernel', poolsize: 'kernel', outchannels: 'filters', numfilters: 'filters', strides: 'stride',
  outfeatures: 'units', infeatures: 'in_features', inchannels: 'in_channels', negativeslope: 'slope', alpha: 'slope',
  scalefactor: 'scale', size: 'scale', numfeatures: 'channels', p: 'rate', usebias: 'bias', dilationrate: 'dilation',
  epsilon: 'eps', input_shape: 'input', inputshape: 'input', classes: 'labels',
};

/** Candidates within a distance that grows with the word, closest first (a known alias first of all). */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  if (w.length > 64) return [];
  const alias = ALIASES[w.replace(/[_-]/g, '')];
  if (alias && candidates.includes(alias) && alias !== word) {
    return [alias]; // a known equivalent is the answer; near spellings would only distract
  }
  return suggestByDistance(w, candidates, max);
}

function suggestByDistance(w: string, candidates: readonly string[], max: number): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  return candidates
    .map((c) => ({ c, d: c.toLowerCase() === w ? 0 : editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= limit || (w.length >= 3 && x.c.toLowerCase().startsWith(w)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  if (s.length === 0) return '';
  return s.length === 1 ? ` Did you mean '${s[0]}'?` : ` Did you mean ${s.map((x) => `'${x}'`).join(', ')}?`;
}
