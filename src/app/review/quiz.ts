/** The quiz (`?mode=quiz`): the learner predicts who acts in each step before it is shown. Pure. */
import { ENTITY_IDS, type EntityId } from '../../core/model/ids';
import type { TraceStep } from '../../core/engine/run';
import { route } from '../player/format';

/** A prediction: who sends to whom, or (from = to) who performs its own action. */
export interface Guess {
  from: EntityId;
  to: EntityId;
}

export interface QuizAnswer {
  /** The step predicted. */
  n: number;
  guess: Guess;
  correct: boolean;
}

export function isEntityId(value: string): value is EntityId {
  return (ENTITY_IDS as readonly string[]).includes(value);
}

export function checkGuess(step: TraceStep, guess: Guess): QuizAnswer {
  return { n: step.n, guess, correct: step.from === guess.from && step.to === guess.to };
}

export interface Score {
  correct: number;
  asked: number;
}

export function scoreOf(answers: readonly QuizAnswer[]): Score {
  return { correct: answers.filter((a) => a.correct).length, asked: answers.length };
}

export const formatScore = ({ correct, asked }: Score) => `Score: ${correct} of ${asked}`;

/** `primary-udb (own action)` or `cmc → partner-cms`, with "error" when the step is one. */
export function describeStep(step: TraceStep): string {
  return `${route(step.from, step.to)}${step.kind === 'error' ? ', an error' : ''}`;
}

export const describeGuess = (guess: Guess) => route(guess.from, guess.to);

/** What the feedback says about an answer. */
export function feedback(step: TraceStep, answer: QuizAnswer): string {
  const right = `Step ${step.n} is ${describeStep(step)}.`;
  return answer.correct
    ? `Correct. ${right}`
    : `Incorrect: you predicted ${describeGuess(answer.guess)}. ${right}`;
}

/** Adds an answer for a step, replacing an earlier one for the same step (the answers stay in step order). */
export function withAnswer(answers: readonly QuizAnswer[], answer: QuizAnswer): QuizAnswer[] {
  return [...answers.filter((a) => a.n !== answer.n), answer].sort((a, b) => a.n - b.n);
}
