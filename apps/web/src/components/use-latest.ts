// The latest value of something a long-lived callback reads (a Leaflet handler, a timer) without being rebuilt
// each render: the ref is updated on every render.
import { useRef } from 'preact/hooks';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
