/**
 * Data models on shipped or user data: least-squares linear regression, with the iris data set shipped
 * as a resource.
 */
package org.varflow.models.data;
