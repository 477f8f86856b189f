/**
 * How far a confirmed import has gone, told as it goes so a person watching a long import
 * sees it move. `percent` is of the rows to write; the switch to the new plan follows 100.
 */
export type ImportProgress =
  | { readonly step: 'checking' }
  | {
      readonly step: 'writing';
      readonly programmeName: string;
      readonly actions: number;
      readonly percent: number;
    };

export type ImportProgressListener = (progress: ImportProgress) => void;
