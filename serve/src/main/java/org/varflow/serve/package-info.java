/** {@code varflow serve}: an HTTP server with one page and a JSON API to compose, run and watch flows in a browser. */
package org.varflow.serve;
