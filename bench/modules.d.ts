// The PouchDB packages used by figure 7 ship no types; the benchmark only calls what it declares here.
declare module 'pouchdb-node' {
  type Database = {
    bulkDocs(docs: object[]): Promise<unknown>;
    replicate: {
      to(target: string, options?: { batch_size?: number }): Promise<unknown>;
      from(source: string, options?: { batch_size?: number }): Promise<unknown>;
    };
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
  };
  type Constructor = {
    new (name: string): Database;
    plugin(plugin: unknown): void;
    defaults(options: { adapter: string }): Constructor;
  };
  const PouchDB: Constructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
