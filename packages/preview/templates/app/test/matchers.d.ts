// Brings in the type of expect(screen).toMatchImageSnapshot(), registered by the vitest setup file.
import '@planar/toolkit/vitest';
