#!/usr/bin/env node
// The cnflint command (see bin/launch.js).
import { launch } from './launch.js';

await launch('cnflint');
