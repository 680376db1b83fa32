// Downloads of the filtered stories as CSV and Excel (analysts and admins; every export is logged).
import { h } from '../../form/dom';
import { exportUrl } from '../client';
import type { StoryFilter } from '../model';
import { w } from '../texts';

export function exportLinks(slug: string, filter: StoryFilter): HTMLElement {
  return h(
    'section',
    { class: 'exports', 'aria-labelledby': 'exports-heading' },
    h('h2', { id: 'exports-heading' }, w('export.title')),
    h('p', { class: 'hint' }, w('export.intro')),
    h(
      'p',
      { class: 'actions' },
      h(
        'a',
        { class: 'button secondary', id: 'export-csv', href: exportUrl(slug, 'csv', filter), download: '' },
        w('export.csv'),
      ),
      h(
        'a',
        { class: 'button secondary', id: 'export-xlsx', href: exportUrl(slug, 'xlsx', filter), download: '' },
        w('export.xlsx'),
      ),
    ),
  );
}
