import * as Comlink from 'comlink';
import { StudyEngine } from '../src/sim/study/StudyEngine';

Comlink.expose(new StudyEngine());
