#!/usr/bin/env node
// The cnftest command (see bin/launch.js).
import { launch } from './launch.js';

await launch('cnftest');
