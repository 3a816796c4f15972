/**
 * Internal helpers of the MovieLens data layer (primitive id hashing); not an API, may change
 * without notice.
 */
package org.kernelnet.apps.movielens.data.internal;
