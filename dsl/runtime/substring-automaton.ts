/**
 * Finds which of many literal pieces of text occur in a text, in one pass over it: an Aho-Corasick
 * automaton over UTF-16 code units. A channel evaluator scans the page's URL and title once for the
 * literals of all its rules instead of testing each rule. Widget-safe and dependency-free (a library
 * would not fit the widget's budget). Most trie nodes of real literals have one child, so a node keeps
 * one edge in typed arrays and a Map only when it branches.
 */

export interface SubstringAutomaton {
  /** Calls `found` with the index of every pattern that occurs in `text` (once per occurrence). */
  scan(text: string, found: (pattern: number) => void): void;
}

/**
 * Builds the automaton of `patterns` (empty patterns never match: every text contains them).
 *
 * @example
 * const automaton = createSubstringAutomaton(['pricing', 'blog']);
 * automaton.scan('/blog/pricing', (pattern) => console.log(pattern)); // 1, then 0
 */
export function createSubstringAutomaton(patterns: readonly string[]): SubstringAutomaton {
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.length;
  // Per node: its only edge (code, child), or its edges in a Map once it branches.
  const onlyCode = new Int32Array(capacity).fill(-1);
  const onlyChild = new Int32Array(capacity);
  const branches: Array<Map<number, number> | undefined> = [];
  const fail = new Int32Array(capacity);
  /** The nearest node on the failure chain (itself included) where a pattern ends, or 0. */
  const output = new Int32Array(capacity);
  const ends: Array<number[] | undefined> = [];
  let nodes = 1;

  const child = (node: number, code: number): number =>
    onlyCode[node] === code ? (onlyChild[node] as number) : (branches[node]?.get(code) ?? -1);

  function addEdge(node: number, code: number, next: number): void {
    const map = branches[node];
    if (map) map.set(code, next);
    else if (onlyCode[node] === -1) {
      onlyCode[node] = code;
      onlyChild[node] = next;
    } else {
      branches[node] = new Map([
        [onlyCode[node] as number, onlyChild[node] as number],
        [code, next],
      ]);
      onlyCode[node] = -2;
    }
  }

  patterns.forEach((pattern, index) => {
    if (pattern === '') return;
    let node = 0;
    for (let at = 0; at < pattern.length; at++) {
      const code = pattern.charCodeAt(at);
      let next = child(node, code);
      if (next < 0) addEdge(node, code, (next = nodes++));
      node = next;
    }
    (ends[node] ??= []).push(index);
  });

  const edgesOf = (node: number): Iterable<[number, number]> => {
    const map = branches[node];
    if (map) return map;
    return onlyCode[node] === -1 ? [] : [[onlyCode[node] as number, onlyChild[node] as number]];
  };

  // Breadth first: a node's failure link is the longest proper suffix of its text that is in the trie.
  const queue: number[] = [];
  for (const [, next] of edgesOf(0)) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    output[node] = ends[node] ? node : (output[fail[node] as number] as number);
    for (const [code, next] of edgesOf(node)) {
      let state = fail[node] as number;
      while (state > 0 && child(state, code) < 0) state = fail[state] as number;
      const target = child(state, code);
      fail[next] = target >= 0 ? target : 0;
      queue.push(next);
    }
  }

  return {
    scan(text, found) {
      let node = 0;
      for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        let next = child(node, code);
        while (next < 0 && node > 0) next = child((node = fail[node] as number), code);
        node = next < 0 ? 0 : next;
        for (let end = output[node] as number; end > 0; end = output[fail[end] as number] as number) {
          for (const pattern of ends[end] as number[]) found(pattern);
        }
      }
    },
  };
}
