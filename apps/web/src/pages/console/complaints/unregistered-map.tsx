// The regulators' map layer of open reports of unregistered childcare: one marker per place (reports within 100 m are
// one group), sized by its number of reports; the popup lists them and registers an inspection visit (the group's
// received reports go under investigation by market supervision). Popup content is built as DOM text nodes.
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { investigateComplaint, unregisteredLayer, type UnregisteredFeature } from '../../../api/complaints';
import { Notice } from '../../../components/notice';
import { useI18n } from '../../../i18n/i18n';
import { CHANGCHUN, createBaseMap, loadMapBackground, type BaseMap } from '../../../map/base-map';
import { useComplaintText } from '../../complaints/messages';

export function UnregisteredMap({ canAct, onChanged }: { canAct: boolean; onChanged: () => void }) {
  const { lang } = useI18n();
  const c = useComplaintText();
  const containerRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<BaseMap | null>(null);
  const [groups, setGroups] = useState<UnregisteredFeature[][]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void unregisteredLayer({ lang }).then(
      (layer) => {
        if (!live) return;
        const byGroup = new Map<string, UnregisteredFeature[]>();
        for (const f of layer.features) byGroup.set(f.properties.group, [...(byGroup.get(f.properties.group) ?? []), f]);
        setGroups([...byGroup.values()]);
      },
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, [lang, attempt]);

  useEffect(() => {
    let base: BaseMap | null = null;
    let live = true;
    void loadMapBackground().then((background) => {
      if (!live || !containerRef.current) return;
      base = createBaseMap(containerRef.current, background, { center: CHANGCHUN, zoom: 10 });
      baseRef.current = base;
      setAttempt((n) => n + 1);
    });
    return () => {
      live = false;
      base?.destroy();
      baseRef.current = null;
    };
  }, []);

  useEffect(() => {
    const base = baseRef.current;
    if (!base) return;
    const layer = L.layerGroup().addTo(base.map);
    for (const members of groups) {
      // A GeoJSON point: exactly [longitude, latitude] (minItems and maxItems 2 in the document).
      const [lng, lat] = members[0]!.geometry.coordinates as [number, number];
      const marker = L.circleMarker(base.toDisplay({ lat, lng }), {
        radius: 6 + Math.min(members.length, 6) * 2,
        color: members.length >= 3 ? '#a4262c' : '#8a5a00',
        fillOpacity: 0.6,
      });
      const popup = document.createElement('div');
      const title = document.createElement('p');
      title.textContent = c.reports(members.length);
      popup.append(title);
      const list = document.createElement('ul');
      for (const m of members) {
        const item = document.createElement('li');
        item.textContent = [m.properties.providerName, m.properties.address].filter(Boolean).join(' · ') || '—';
        list.append(item);
      }
      popup.append(list);
      if (canAct && members.some((m) => m.properties.status === 'received')) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button--secondary';
        button.textContent = c.registerVisit;
        button.addEventListener('click', () => {
          void Promise.all(
            members
              .filter((m) => m.properties.status === 'received')
              .map((m) => investigateComplaint(m.properties.id, 'market', c.registerVisit, lang)),
          ).then(
            () => {
              setMessage(c.visitRegistered);
              setAttempt((n) => n + 1);
              onChanged();
            },
            () => setMessage(null),
          );
        });
        popup.append(button);
      }
      marker.bindPopup(popup).addTo(layer);
    }
    return () => {
      layer.remove();
    };
  }, [groups, canAct, lang]);

  return (
    <section class="panel-section" aria-labelledby="unregistered-title" id="unregistered-section">
      <h2 id="unregistered-title">{c.unregisteredTitle}</h2>
      <p class="section-intro">{c.unregisteredIntro}</p>
      {message && (
        <Notice kind="success" id="visit-result">
          {message}
        </Notice>
      )}
      <div ref={containerRef} class="unregistered-map" id="unregistered-map" role="region" aria-label={c.unregisteredTitle} />
      <ul class="item-list" id="unregistered-list">
        {groups.map((members) => (
          <li key={members[0]!.properties.group} class="item-card" data-reports={members.length}>
            <p class="item-card__title">{c.reports(members.length)}</p>
            <p>{[...new Set(members.map((m) => m.properties.providerName ?? m.properties.address ?? '—'))].join('、')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
