// Imported first by every entry point: under an old Node, stop before anything else runs.
import { requireSupportedNode } from "./supported-node";

requireSupportedNode();
