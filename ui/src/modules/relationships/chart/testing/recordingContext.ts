//! A stand-in for a canvas 2D context that records what is painted: jsdom draws nothing.

/** One stroke or fill: the style it used and how many shapes of each sort its path held. */
export type Paint = {
  op: "stroke" | "fill";
  style: string;
  lineWidth: number;
  dash: number[];
  alpha: number;
  moves: number;
  curves: number;
  rects: number;
};

export class RecordingContext {
  lineWidth = 1;
  strokeStyle = "#000000";
  fillStyle = "#000000";
  globalAlpha = 1;
  readonly paints: Paint[] = [];
  readonly transforms: number[][] = [];
  readonly clears: number[][] = [];
  private dash: number[] = [];
  private path = { moves: 0, curves: 0, rects: 0 };

  setTransform(...args: number[]) {
    this.transforms.push(args);
  }
  clearRect(...args: number[]) {
    this.clears.push(args);
  }
  setLineDash(dash: number[]) {
    this.dash = [...dash];
  }
  beginPath() {
    this.path = { moves: 0, curves: 0, rects: 0 };
  }
  moveTo() {
    this.path.moves += 1;
  }
  lineTo() {}
  quadraticCurveTo() {
    this.path.curves += 1;
  }
  rect() {
    this.path.rects += 1;
  }
  stroke() {
    this.paint("stroke", this.strokeStyle);
  }
  fill() {
    this.paint("fill", this.fillStyle);
  }

  /** The context as the code under test expects it. */
  asContext(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }

  private paint(op: Paint["op"], style: string) {
    this.paints.push({ op, style, lineWidth: this.lineWidth, dash: this.dash, alpha: this.globalAlpha, ...this.path });
  }
}
