// Actor names for the whole app, loaded once: layers store ids, people read names.
import { createContext, useContext } from 'react';
import type { ActorSummary } from './api';

export const ActorsContext = createContext<Map<string, ActorSummary>>(new Map());

export function useActors(): Map<string, ActorSummary> {
  return useContext(ActorsContext);
}

/** A text box that suggests known actors and yields an actor id (or what was typed). */
export function ActorInput({ value, onChange, placeholder, id }: { value: string; onChange: (v: string) => void; placeholder?: string; id?: string }) {
  const actors = useActors();
  const listId = `${id ?? 'actor'}-list`;
  const shown = actors.get(value)?.name ?? value;
  return (
    <>
      <input
        id={id}
        list={listId}
        value={shown}
        placeholder={placeholder ?? 'any actor'}
        onChange={(e) => {
          const v = e.target.value;
          const hit = [...actors.values()].find((a) => a.name.toLowerCase() === v.toLowerCase() || a.id === v);
          onChange(hit ? hit.id : v);
        }}
      />
      <datalist id={listId}>
        {[...actors.values()].slice(0, 300).map((a) => (
          <option key={a.id} value={a.name} />
        ))}
      </datalist>
    </>
  );
}
