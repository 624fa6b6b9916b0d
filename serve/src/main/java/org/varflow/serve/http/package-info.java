/** The HTTP layer (Javalin): the JSON API, the event stream, the page and its front-end libraries. */
package org.varflow.serve.http;
