/**
 * The diagram's box: zoom (Ctrl+wheel, pinch, Fit, Zoom in, Zoom out, + − 0 on the focused box) and the sticky strip
 * of participants. Zooming lays the SVG out at `scale` CSS pixels per viewBox unit (its width set, its height
 * following), so the box's own scrolling pans it, the step's arrow is scrolled into view as before, and the strip,
 * laid out at the same width in the same box, stays over the lifelines. @panzoom/panzoom (loaded after the first
 * diagram, not in the first view's script) reads the gestures and keeps the scale within its limits; its
 * `setTransform` hook sizes the SVG instead of transforming it.
 */
import type { PanzoomObject } from '@panzoom/panzoom';
import {
  fitScale,
  wholeScale,
  MAX_SCALE,
  MIN_SCALE,
  parseViewBox,
  scrollToKeep,
  stripMaxPx,
  stripView,
  wheelScale,
} from './diagramGeometry';
import { participantStrip, showRegion, type ParticipantStrip } from './participantStrip';
import { scrollIntoViewSoon, type RevealView } from './scroll';
import { measureHitArea } from './svgSteps';

interface Point {
  clientX: number;
  clientY: number;
}

export interface ViewportElements {
  /** The scrolling box (focusable). */
  box: HTMLElement;
  /** Inside the box: the strip and the host, one above the other. */
  canvas: HTMLElement;
  /** Holds Mermaid's SVG. */
  host: HTMLElement;
  /** Sticky at the top of the box: holds the strip's SVG. */
  strip: HTMLElement;
  /** The current step's element in the diagram (to keep in view), if any. */
  current: () => Element | null;
}

/** Zoom in and out by this factor (e^0.2, about 1.22) per press. */
const STEP = 0.2;
const STUCK = 'diagram-strip-stuck';

let library: Promise<typeof import('@panzoom/panzoom').default> | null = null;
const loadPanzoom = () => {
  library ??= import('@panzoom/panzoom').then((m) => m.default);
  library.catch(() => {
    library = null;
  });
  return library;
};

/** Important: the presentation's style sheet pins the SVG's width with !important. */
function setWidth(svg: SVGSVGElement, width: string): void {
  svg.style.setProperty('width', width, 'important');
  svg.style.setProperty('max-width', 'none', 'important');
}

/** On a phone, the diagram is laid out at least this large: its 14-unit labels at 11 px or more. */
export const READABLE_SCALE = 0.8;
/** A window narrower than this (CSS pixels, the style sheets' phone) starts at READABLE_SCALE. */
const PHONE = '(width < 600px)';

/**
 * What the bars docked at the bottom of the window cover of it (`data-dock`, fixed or sticky: a phone's controls, the
 * step's words under the diagram).
 */
function dockedBelow(): number {
  let covered = 0;
  for (const dock of document.querySelectorAll('[data-dock]')) {
    if (!['fixed', 'sticky'].includes(getComputedStyle(dock).position)) continue;
    const top = dock.getBoundingClientRect().top;
    if (top < window.innerHeight) covered = Math.max(covered, window.innerHeight - top);
  }
  return covered;
}

export class DiagramViewport {
  private panzoom: PanzoomObject | null = null;
  private loading: Promise<PanzoomObject | null> | null = null;
  /** Pixels per viewBox unit set by a zoom; null: as the style sheet lays the SVG out (the width of the box). */
  private scale: number | null = null;
  /** The point a zoom keeps still; null: the current step, or the middle of the box. */
  private focal: Point | null = null;
  private revealAfter = false;
  private frame = 0;
  private strip: ParticipantStrip | null = null;
  /** The SVG width (px) and box height the strip was last laid out for. */
  private stripFor = '';
  private destroyed = false;
  /** While set (presentation mode), the diagram is kept fitted to the box's width as the box changes size. */
  private fitted = false;
  /** Presentation mode's **Fit**: the whole flow in the box, until the next step (which reads at the box's width). */
  private whole = false;
  private resize: ResizeObserver | null = null;
  /** Keeps the strip as wide as the SVG, however a style sheet lays the SVG out. */
  private mirror: ResizeObserver | null = null;

  constructor(private readonly el: ViewportElements) {
    el.box.addEventListener('wheel', this.onWheel, { passive: false });
    el.box.addEventListener('scroll', this.scheduleStrip, { passive: true });
    window.addEventListener('scroll', this.scheduleStrip, { passive: true });
  }

  destroy(): void {
    this.destroyed = true;
    this.el.box.removeEventListener('wheel', this.onWheel);
    this.el.box.removeEventListener('scroll', this.scheduleStrip);
    window.removeEventListener('scroll', this.scheduleStrip);
    this.resize?.disconnect();
    this.mirror?.disconnect();
    this.panzoom?.destroy();
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  private svg(): SVGSVGElement | null {
    const svg = this.el.host.firstElementChild;
    return svg instanceof SVGSVGElement ? svg : null;
  }

  /** A new SVG is in the host: a strip for it, the zoom kept (or the fit), and the zoom's library on its way. */
  drawn(): void {
    const svg = this.svg();
    const strip = svg ? participantStrip(svg) : null;
    this.strip = strip;
    this.stripFor = '';
    this.el.strip.replaceChildren(...(strip ? [strip.svg] : []));
    this.mirror?.disconnect();
    // However a style sheet or a zoom lays the SVG out, the strip follows it (a zoom also lays it out at once, and a
    // reveal reads it laid out: ./scroll.ts measures under it).
    if (svg && strip) {
      this.mirror = new ResizeObserver(() => this.layoutStrip());
      this.mirror.observe(svg);
    }
    if (svg && this.scale !== null) this.size(svg, this.scale);
    else if (svg && !this.fitted) this.readable(svg);
    this.pageMoved = true;
    this.updateStrip();
    if (!svg) return;
    if (this.fitted) this.fit();
    else void this.load();
  }

  /**
   * Lays the strip out for the SVG as it is now: as wide, showing as much of the participants as fits (a band around
   * their names when zoomed in). Returns the strip's height on screen. Done when asked, not only when the SVG's
   * resize is observed (after the frame's layout): a step revealed in the same frame as a zoom measures the strip the
   * zoom made, not the one before it.
   */
  private layoutStrip(): number {
    const { strip } = this;
    const svg = this.svg();
    if (!strip || !svg) return 0;
    const width = svg.getBoundingClientRect().width;
    if (!(width > 0)) return strip.svg.getBoundingClientRect().height;
    const boxHeight = this.el.box.clientHeight;
    const view = stripView(strip.region, strip.row, width / strip.viewBox.width, stripMaxPx(boxHeight));
    const key = `${width} ${boxHeight}`;
    if (key !== this.stripFor) {
      this.stripFor = key;
      setWidth(strip.svg, `${width}px`);
      showRegion(strip.svg, view);
    }
    return (width * view.height) / view.width;
  }

  /**
   * A phone's box would shrink the diagram to its width, its labels to a few pixels: it is laid out at
   * READABLE_SCALE instead, the box scrolling sideways to each step (as after a zoom).
   */
  private readable(svg: SVGSVGElement): void {
    const now = this.effective();
    if (now === null || !window.matchMedia(PHONE).matches || now >= READABLE_SCALE) return;
    this.scale = READABLE_SCALE;
    this.size(svg, READABLE_SCALE);
  }

  /** Keep the diagram fitted to the width of its box (presentation mode), or stop doing so. */
  setFitted(fitted: boolean): void {
    if (fitted === this.fitted) return;
    this.fitted = fitted;
    this.resize?.disconnect();
    this.resize = null;
    if (!fitted) return;
    let width = this.el.box.clientWidth;
    let height = this.el.box.clientHeight;
    this.resize = new ResizeObserver(() => {
      const { clientWidth, clientHeight } = this.el.box;
      if (!this.fitted) return;
      if (clientWidth !== width) {
        width = clientWidth;
        height = clientHeight;
        this.fit();
      } else if (clientHeight !== height) {
        // The step's words under the box take more or less room from one step to the next: the whole flow fitted
        // again, or the step kept in sight.
        height = clientHeight;
        if (this.whole) this.fit(true);
        else this.revealSoon(this.el.current(), false);
      }
    });
    this.resize.observe(this.el.box);
    this.fit();
  }

  private load(): Promise<PanzoomObject | null> {
    this.loading ??= loadPanzoom().then(
      (Panzoom) => {
        if (this.destroyed) return null;
        const { box, canvas } = this.el;
        this.panzoom = Panzoom(canvas, {
          disablePan: true, // the box scrolls
          minScale: MIN_SCALE,
          maxScale: MAX_SCALE,
          step: STEP,
          startScale: this.effective() ?? 1,
          animate: false,
          cursor: '',
          overflow: '',
          // One finger scrolls the box as before; two pinch.
          touchAction: 'pan-x pan-y',
          // Clicks on a message, focus and text selection stay as they are.
          handleStartEvent: () => undefined,
          setTransform: (_element, { scale }) => this.apply(scale),
        });
        box.style.userSelect = canvas.style.userSelect = '';
        canvas.addEventListener('panzoomstart', () => {
          this.focal = null;
        });
        return this.panzoom;
      },
      () => {
        this.loading = null;
        return null;
      },
    );
    return this.loading;
  }

  /** The SVG's laid-out scale, pixels per viewBox unit. */
  private effective(): number | null {
    const svg = this.svg();
    const viewBox = svg && parseViewBox(svg.getAttribute('viewBox'));
    if (!svg || !viewBox) return null;
    const width = svg.getBoundingClientRect().width;
    return width > 0 ? width / viewBox.width : null;
  }

  /** The library's scale set to the laid-out one, when the style sheet lays it out (it follows the box). */
  private sync(panzoom: PanzoomObject): void {
    if (this.scale !== null) return;
    const now = this.effective();
    if (now !== null && Math.abs(panzoom.getScale() - now) > 1e-4)
      panzoom.zoom(now, { animate: false, silent: true });
  }

  private size(svg: SVGSVGElement, scale: number): void {
    const viewBox = parseViewBox(svg.getAttribute('viewBox'));
    if (!viewBox) return;
    const width = `${Math.round(scale * viewBox.width * 100) / 100}px`;
    setWidth(svg, width);
  }

  /** Where a zoom by button or key keeps still: the current step when it is in sight, else the middle of the box. */
  private defaultFocal(): Point {
    const box = this.el.box.getBoundingClientRect();
    const middle = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    const current = this.el.current()?.getBoundingClientRect();
    if (!current || current.bottom < box.top || current.top > box.bottom) return middle;
    return {
      clientX: Math.min(Math.max(current.left + current.width / 2, box.left), box.right),
      clientY: current.top + current.height / 2,
    };
  }

  /** The library's `setTransform`: lay the SVG (and the strip) out at `scale`, the focal point kept still. */
  private apply(scale: number): void {
    const svg = this.svg();
    const from = this.effective();
    if (!svg || from === null) return;
    if (Math.abs(scale - from) > 1e-4) {
      const focal = this.focal ?? this.defaultFocal();
      const before = svg.getBoundingClientRect();
      this.scale = scale;
      this.size(svg, scale);
      const after = svg.getBoundingClientRect();
      const { box } = this.el;
      box.scrollLeft += scrollToKeep(focal.clientX, before.left, after.left, from, scale);
      box.scrollTop += scrollToKeep(focal.clientY, before.top, after.top, from, scale);
      this.pageMoved = true;
      this.updateStrip();
    }
    if (this.revealAfter) {
      this.revealAfter = false;
      this.revealSoon(this.el.current(), false);
    }
  }

  /** Runs `run` with the library (loaded first if need be), once a diagram is drawn (none: nothing to zoom). */
  private async withPanzoom(run: (panzoom: PanzoomObject) => void): Promise<void> {
    if (!this.svg()) return;
    const panzoom = this.panzoom ?? (await this.load());
    if (!panzoom) return;
    this.sync(panzoom);
    run(panzoom);
  }

  zoomIn(): void {
    void this.withPanzoom((panzoom) => {
      this.focal = null;
      panzoom.zoomIn({ animate: false });
    });
  }

  zoomOut(): void {
    void this.withPanzoom((panzoom) => {
      this.focal = null;
      panzoom.zoomOut({ animate: false });
    });
  }

  /**
   * The diagram's whole width in the box, the current step scrolled into the middle once it is laid out at that
   * width (a step revealed meanwhile waits for it: ./SequenceDiagram.tsx `revealSoon`). `whole`: the whole diagram,
   * its height too (presentation mode's **Fit**: the room sees the whole flow), below the zoom's usual limit if need
   * be.
   */
  fit(whole = false): void {
    this.revealAfter = true;
    this.whole = whole;
    const scale = this.fitScale(whole);
    const svg = this.svg();
    // Laid out at once, not when the zoom's library has loaded: a presentation opened cold would otherwise show the
    // diagram at its own width first and then move everything to the fitted one (a layout shift the room sees).
    if (svg && scale !== null) {
      this.scale = scale;
      this.size(svg, scale);
      this.updateStrip();
    }
    void this.withPanzoom((panzoom) => {
      if (scale === null) return;
      panzoom.setOptions({ minScale: Math.min(MIN_SCALE, scale) });
      this.focal = null;
      panzoom.zoom(scale, { animate: false, force: true });
      // Already at that scale, the library sets it again all the same (and `apply` then reveals the step).
    }).finally(() => {
      // No diagram, or no zoom library: the step is revealed as the box lays it out.
      if (this.revealAfter) {
        this.revealAfter = false;
        this.revealSoon(this.el.current(), false);
      }
    });
  }

  /** The scale that shows the diagram's whole width in the box (`whole`: its height too); null with no diagram. */
  private fitScale(whole: boolean): number | null {
    const svg = this.svg();
    const viewBox = svg && parseViewBox(svg.getAttribute('viewBox'));
    if (!viewBox) return null;
    const { box } = this.el;
    const style = getComputedStyle(box);
    const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const innerHeight = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return whole
      ? wholeScale(inner, innerHeight, viewBox.width, viewBox.height)
      : fitScale(inner, viewBox.width);
  }

  /** Fit's button: the whole flow in presentation mode, else the width. */
  fitButton(): void {
    this.fit(this.fitted);
  }

  /**
   * A new step: scrolled into view; in presentation mode after the whole flow was shown, back at the box's width
   * first (the room reads each step's message at that size).
   */
  stepped(element: Element | null | undefined, smooth: boolean): void {
    if (this.fitted && this.whole) this.fit();
    else this.revealSoon(element, smooth);
  }

  /**
   * Scrolls a step into the middle of the box, under the strip, in the next frame; while a fit is under way, its end
   * does it instead (on the fitted layout: revealed before and again after, the step would land a pixel apart from
   * one run to the next, by the rounding of the first scroll).
   */
  revealSoon(element: Element | null | undefined, smooth: boolean): void {
    if (this.revealAfter) return;
    scrollIntoViewSoon('diagram', element, smooth, 'center', this.reveal);
  }

  private onWheel = (event: WheelEvent): void => {
    if ((!event.ctrlKey && !event.metaKey) || !this.svg()) return;
    // Ctrl+wheel (and a trackpad's pinch) zooms the diagram, not the page.
    event.preventDefault();
    const point = { clientX: event.clientX, clientY: event.clientY };
    void this.withPanzoom((panzoom) => {
      this.focal = point;
      panzoom.zoom(wheelScale(panzoom.getScale(), event.deltaY, event.deltaMode), { animate: false });
    });
  };

  /** The keys of the focused box: + and − zoom, 0 fits, Shift+← and Shift+→ scroll sideways. */
  onKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === '+' || event.key === '=') this.zoomIn();
    else if (event.key === '-' || event.key === '_') this.zoomOut();
    else if (event.key === '0') this.fitButton();
    else if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'))
      this.el.box.scrollBy({ left: event.key === 'ArrowLeft' ? -60 : 60 });
    else return false;
    return true;
  }

  /** The height the strip covers at the top of the box. */
  readonly stripHeight = (): number => this.layoutStrip();

  /** How the current step is scrolled into view: under the strip, inside the window, above a docked control bar. */
  readonly reveal: RevealView = {
    covered: this.stripHeight,
    // The strip lies under the box's border and top padding, both over the box's top where the step is measured.
    coveredFrom: () => this.el.box.clientTop + (parseFloat(getComputedStyle(this.el.box).paddingTop) || 0),
    inWindow: true,
    coveredBelow: dockedBelow,
    measure: measureHitArea,
  };

  /** How far the page has scrolled past the top of the box (measured on the page's scroll only). */
  private pageDown = 0;
  private pageMoved = false;

  private scheduleStrip = (event?: Event): void => {
    // The box's own scroll needs no measuring (its scrollTop); the page's does (where the box is in the window).
    if (!event || event.currentTarget === window) this.pageMoved = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.updateStrip();
    });
  };

  private updateStrip(): void {
    const { box, strip } = this.el;
    if (!this.strip) {
      strip.classList.remove(STUCK);
      return;
    }
    if (this.pageMoved) {
      this.pageMoved = false;
      const top = box.getBoundingClientRect().top + box.clientTop;
      const room = box.clientHeight - this.stripHeight();
      this.pageDown = Math.max(0, Math.min(-top, room));
      strip.style.transform = this.pageDown > 0 ? `translateY(${Math.round(this.pageDown)}px)` : '';
    }
    strip.classList.toggle(STUCK, box.scrollTop > 0 || this.pageDown > 0);
  }
}
