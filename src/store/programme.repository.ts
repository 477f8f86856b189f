import type { Programme, Workstream } from '../domain/programme.js';

export interface ProgrammeRepository {
  get(programmeId: string): Promise<Programme | null>;
  list(): Promise<Programme[]>;
  /** Insert or replace a programme's settings and calendar. */
  save(programme: Programme): Promise<void>;
}

export interface WorkstreamRepository {
  /** Every workstream of a programme, by code. One partition. */
  list(programmeId: string): Promise<Workstream[]>;
  /** Case-insensitive on `code`. */
  get(programmeId: string, code: string): Promise<Workstream | null>;
}
