#!/usr/bin/env node
// The cnfmod command (see bin/launch.js).
import { launch } from './launch.js';

await launch('cnfmod');
