// Entry of the table page (/t/{token}): a table of a sense-making session, through its link.
import '../form/style.css';
import '../card/card.css';
import './style.css';
import { setLanguage } from '../lang';
import { TableApp } from './app';

const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
setLanguage(new URLSearchParams(location.search).get('lang') ?? 'nl');
void new TableApp(document.getElementById('app') as HTMLElement, token).start();
