// The auto-layout worker: ELK's own worker script, which answers elk-api's messages. Running ELK here keeps the canvas
// responsive while thousands of nodes are laid out (it is a bundled file, so the 'self'-only CSP allows it).
import 'elkjs/lib/elk-worker.min.js';
