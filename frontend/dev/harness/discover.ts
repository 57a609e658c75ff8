/** Dev only: finds the demo study's series on the dev Orthanc through QIDO-RS. */
export interface HarnessSeries {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  description: string;
  instances: number;
}

const value = (o: Record<string, { Value?: unknown[] }>, tag: string) => (o[tag]?.Value ?? [])[0];

export async function discoverSeries(root: string, token: string): Promise<HarnessSeries[]> {
  const response = await fetch(`${root}/series?includefield=00201209`, { headers: { Accept: 'application/dicom+json', Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`QIDO-RS ${root}/series answered HTTP ${response.status} — is the dev Orthanc running (dev/orthanc/start.sh)?`);
  const json = (await response.json()) as Record<string, { Value?: unknown[] }>[];
  return json
    .map((s) => ({
      studyInstanceUid: String(value(s, '0020000D')),
      seriesInstanceUid: String(value(s, '0020000E')),
      description: String(value(s, '0008103E') ?? ''),
      instances: Number(value(s, '00201209') ?? 0),
    }))
    .sort((a, b) => b.instances - a.instances);
}
