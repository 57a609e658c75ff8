/**
 * Background work that outlives a request and a replica: study-wide jobs split into work items (usually one per
 * case) that run on db-scheduler, with their state in PostgreSQL. Any replica may run any item; a replica that dies
 * mid-item stops heartbeating and another revives the item. The package that owns the work implements
 * {@link io.delineo.jobs.JobWork}; radiomics feature jobs are the first.
 */
package io.delineo.jobs;
