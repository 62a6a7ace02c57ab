import { useRef, useState, type PointerEvent } from 'react';
import { moveItem } from '../api/playlist-cache';

/**
 * Reordering by dragging a row's handle with a mouse, pen or finger (pointer events, so touch
 * works too): while dragging, `order` holds the ids as they would land; on release `onDrop`
 * gets the dragged id and its new index. Rows carry `data-entry-id`.
 */
export function useDragReorder(ids: string[], onDrop: (id: string, index: number) => void) {
  const [order, setOrder] = useState<string[] | null>(null);
  const dragging = useRef<{ id: string; pointerId: number } | null>(null);

  const handleProps = (id: string) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture?.(event.pointerId);
      dragging.current = { id, pointerId: event.pointerId };
      setOrder(ids);
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const drag = dragging.current;
      if (!drag || drag.pointerId !== event.pointerId) return;
      const over = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>('[data-entry-id]');
      const overId = over?.dataset.entryId;
      if (!overId || overId === drag.id) return;
      setOrder((current) => {
        const list = current ?? ids;
        return moveItem(list, list.indexOf(drag.id), list.indexOf(overId));
      });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const drag = dragging.current;
      if (!drag || drag.pointerId !== event.pointerId) return;
      dragging.current = null;
      const index = (order ?? ids).indexOf(drag.id);
      setOrder(null);
      if (index !== -1 && index !== ids.indexOf(drag.id)) onDrop(drag.id, index);
    },
    onPointerCancel: () => {
      dragging.current = null;
      setOrder(null);
    },
  });

  return { order, draggingId: order ? (dragging.current?.id ?? null) : null, handleProps };
}
