import { Button } from '@/components/ui/Button';

export interface ScanProgressProps {
  done: number;
  total: number;
  running: boolean;
  onCancel: () => void;
}

/** "Scan progress" with "Cancel", which stops the worker at once. */
export function ScanProgress({ done, total, running, onCancel }: ScanProgressProps) {
  const percent = total > 0 ? Math.round((done / total) * 100) : running ? 0 : 100;
  return (
    <div className="flex items-center gap-2 text-sm">
      <progress aria-label="Scan progress" max={100} value={percent} className="h-2 w-48" />
      <span aria-hidden="true" className="tabular-nums text-xs text-[var(--muted)]">
        {percent} %
      </span>
      {running ? (
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </div>
  );
}
