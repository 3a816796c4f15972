/**
 * Internal helpers of the MovieLens data layer (hashing of id bytes); not an API, may change
 * without notice.
 */
package org.kernelnet.apps.movielens.data.internal;
