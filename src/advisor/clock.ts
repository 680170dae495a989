/** Calendar year in Suzhou (honour years and "近三年" are counted in local years): shared with the Q&A. */
export { yearIn } from '../knowledge/years';

export type Now = () => Date;
