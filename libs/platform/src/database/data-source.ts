import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate / run / revert). */
export default new DataSource(dataSourceOptions(loadConfig()));
