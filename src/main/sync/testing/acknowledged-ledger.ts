/**
 * What a sync kill -9 child acknowledged (person-steps.ts), read from its
 * lines after the kill: the entries that must be present at the next start
 * and on the other computer, and the deletes that must never come back.
 */
export interface AcknowledgedLedger {
  readonly alive: Set<string>;
  readonly deleted: Set<string>;
  /** Takes in one child's lines; answers how many check-ins and deletes it acknowledged. */
  read(lines: readonly string[]): { puts: number; deletes: number };
}

export const createLedger = (): AcknowledgedLedger => {
  const alive = new Set<string>();
  const deleted = new Set<string>();
  /** Follow-ups by the check-in they answer, to know what a delete in flight may take with it. */
  const answers = new Map<string, string[]>();
  return {
    alive,
    deleted,
    read(lines) {
      const counted = { puts: 0, deletes: 0 };
      for (const line of lines) {
        const [word, ...ids] = line.split(' ');
        if (word === 'put') {
          const [id, checkInId] = ids as [string, string | undefined];
          alive.add(id);
          if (checkInId) answers.set(checkInId, [...(answers.get(checkInId) ?? []), id]);
          counted.puts += 1;
        } else if (word === 'deleting') {
          // Maybe deleted: the kill may have come after its tombstone was committed. Either way is right; the passes decide.
          const id = ids[0] as string;
          for (const gone of [id, ...(answers.get(id) ?? [])]) alive.delete(gone);
        } else if (word === 'del') {
          for (const id of ids) {
            alive.delete(id);
            deleted.add(id);
          }
          counted.deletes += 1;
        }
      }
      return counted;
    },
  };
};

/** Both computers hold exactly the same entries. */
export const sameHistory = (round: string, a: ReadonlySet<string>, b: ReadonlySet<string>): void => {
  const onlyA = [...a].filter((id) => !b.has(id));
  const onlyB = [...b].filter((id) => !a.has(id));
  if (onlyA.length + onlyB.length > 0)
    throw new Error(
      `${round}: after passes ${onlyA.length} entries only on A (e.g. ${onlyA[0]}), ${onlyB.length} only on B (e.g. ${onlyB[0]})`,
    );
};
