import * as Comlink from 'comlink';
import { ForecastEngine } from '../src/sim/forecast/ForecastEngine';

Comlink.expose(new ForecastEngine());
