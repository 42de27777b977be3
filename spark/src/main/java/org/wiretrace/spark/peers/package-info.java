/**
 * Other tools run on the same work as Wiretrace, for the peers benchmark ({@code bench/peers}).
 * Only benchmark code lives here; nothing in the job depends on it.
 */
package org.wiretrace.spark.peers;
