// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Disclosure } from './Disclosure';

afterEach(() => cleanup());

function renderTools() {
  render(
    <Disclosure label="Review tools" className="review-toolbar">
      <button type="button">Quiz mode</button>
    </Disclosure>,
  );
  return screen.getByRole('button', { name: 'Review tools' });
}

describe('the disclosure of the review tools', () => {
  it('is a button that names the panel it controls, and says whether it is open', () => {
    const button = renderTools();
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel?.textContent).toBe('Quiz mode');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.closest('.review-disclosure')?.hasAttribute('data-open')).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.closest('.review-disclosure')?.hasAttribute('data-open')).toBe(false);
  });

  it('closes on Escape in the panel and gives the focus back to its button', () => {
    const button = renderTools();
    fireEvent.click(button);
    const inside = screen.getByRole('button', { name: 'Quiz mode' });
    inside.focus();
    fireEvent.keyDown(inside, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('leaves Escape alone while closed (the focus stays where it is)', () => {
    const button = renderTools();
    const inside = screen.getByRole('button', { name: 'Quiz mode' });
    inside.focus();
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    inside.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(inside);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
