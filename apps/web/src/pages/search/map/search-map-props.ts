// What the search page gives its map (search-map.tsx and the hooks beside this file).
import type { MapConfig, NearbyItem, RegionBoundaries } from '../../../api/types';
import type { LabelPlace } from '../../../map/offline-labels';
import type { Point } from '../search-state';

export interface MapLayers {
  units: boolean;
  facilities: boolean;
}

export interface FocusRequest {
  code: string;
  /** Increments on every request, so asking for the same unit twice works. */
  seq: number;
}

export interface SearchMapProps {
  boundaries: RegionBoundaries | null;
  mapConfig: MapConfig | null;
  layers: MapLayers;
  onLayersChange: (layers: MapLayers) => void;
  point: Point | null;
  radiusM: number;
  results: NearbyItem[];
  activeId: string | null;
  /** A result's marker was clicked (or Enter pressed on it). */
  onResultSelect: (id: string) => void;
  /** A click on the map: search from there. */
  onPick: (point: Point) => void;
  /** A single facility of the facilities layer was clicked: open its page. */
  onOpenFacility: (id: string) => void;
  focusRequest: FocusRequest | null;
  /** Named places, labelled on the map when there is no basemap (map/offline-labels.ts). */
  places: readonly LabelPlace[];
}
