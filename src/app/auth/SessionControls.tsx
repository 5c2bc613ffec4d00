/** Top-bar controls of the signed-in person: who, Lock, Switch user (issue 3). */
export function SessionControls() {
  return null;
}
