// The alarm sound, with Web Audio: loud, short beeps that carry at the bedside. Browsers refuse to start audio
// before a person's gesture, so the tap that starts a bedside session calls `unlockAlarmSound()` inside its
// handler (and any later tap does too, after a reload). Nothing here knows about checks or schedules.

type AudioContextCtor = typeof AudioContext;

let context: AudioContext | undefined;

function audioContextClass(): AudioContextCtor | undefined {
  const w = globalThis as unknown as {
    AudioContext?: AudioContextCtor;
    webkitAudioContext?: AudioContextCtor;
  };
  return w.AudioContext ?? w.webkitAudioContext;
}

/** Whether sound can play now: 'locked' until a gesture has unlocked it. */
export function alarmSoundState(): 'locked' | 'ready' | 'unsupported' {
  if (!audioContextClass()) return 'unsupported';
  return context?.state === 'running' ? 'ready' : 'locked';
}

/**
 * Call from a tap's handler: creates or resumes the audio context and plays a silent sound, which is what
 * browsers require to allow later sounds without a gesture. Resolves to the state afterwards.
 */
export async function unlockAlarmSound(): Promise<'locked' | 'ready' | 'unsupported'> {
  const Ctor = audioContextClass();
  if (!Ctor) return 'unsupported';
  try {
    context ??= new Ctor();
    const silent = context.createBuffer(1, 1, 22_050);
    const source = context.createBufferSource();
    source.buffer = silent;
    source.connect(context.destination);
    source.start(0);
    if (context.state !== 'running') await context.resume();
  } catch {
    // A refused resume leaves the sound locked; the screens say so.
  }
  return alarmSoundState();
}

/** Three beeps at the volume (0–1). Answers false when the sound is still locked. */
export function playAlarmSound(volume: number): boolean {
  if (!context || context.state !== 'running' || volume <= 0) return false;
  const start = context.currentTime + 0.02;
  for (let i = 0; i < 3; i++) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = i === 1 ? 1_320 : 880;
    const at = start + i * 0.35;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, volume), at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.3);
  }
  return true;
}

/** Tests: forget the audio context. */
export function resetAlarmSound() {
  context = undefined;
}
