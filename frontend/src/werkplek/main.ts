// Entry of the workspace (/werkplek): staff sign in and work with the stories of their story points.
import '../form/style.css';
import '../card/card.css';
import './style.css';
import { App } from './app';

void new App(document.getElementById('app') as HTMLElement).start();
