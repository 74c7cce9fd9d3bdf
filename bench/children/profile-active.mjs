/** The profile the toolkit compiled CanvasKit in (its internal `activeProfile`), for the profile bench's children. */
export async function activeProfile() {
  const url = new URL('./engines/profile.js', import.meta.resolve('@planar/toolkit'));
  return (await import(url.href)).activeProfile();
}
