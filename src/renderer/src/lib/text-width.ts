/**
 * The widest of the SVG texts under `root` that match `selector`, as the
 * browser drew them (0 where it cannot measure, as in component tests). A
 * chart sizes its label gutters from this, so a longer language's words fit
 * instead of running into the bars or off the edge.
 */
export const widestText = (root: Element | undefined, selector: string): number => {
  if (!root) return 0;
  let widest = 0;
  for (const text of root.querySelectorAll<SVGTextContentElement>(selector))
    if (typeof text.getComputedTextLength === 'function') widest = Math.max(widest, text.getComputedTextLength());
  return Math.ceil(widest);
};
