import type {
  Aspect,
  EntitiesFile,
  IntentsFile,
  KnowledgeItem,
  Messages,
  PolicyDocument,
  SynonymsFile,
  Tier,
} from './schema';

/** Everything under knowledge/, validated. */
export interface KnowledgeBase {
  /** absolute path of the knowledge directory */
  dir: string;
  document: PolicyDocument;
  tiers: Tier[];
  /** every knowledge item, in file order */
  items: KnowledgeItem[];
  itemById: ReadonlyMap<string, KnowledgeItem>;
  /** domain words for the segmenter */
  dictionary: string[];
  stopwords: string[];
  /** words naming the programme itself: every item is part of it, so they are covered for every item */
  programmeWords: string[];
  /** topics the policy does not cover: questions about them get the fallback at once */
  outOfScope: string[];
  synonyms: SynonymsFile;
  entities: EntitiesFile;
  intents: IntentsFile['intents'];
  messages: Messages;
  /** what a question can ask about a topic (knowledge/nlu/aspects.yaml) */
  aspects: Aspect[];
}
