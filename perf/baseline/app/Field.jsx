'use client';

// One client component with state: the least a page that takes input must hydrate.
import { useState } from 'react';

export function Field() {
  const [value, setValue] = useState('');
  return (
    <p>
      <label htmlFor="text">Text</label>
      <br />
      <textarea id="text" rows={6} cols={40} value={value} onChange={(e) => setValue(e.target.value)} />
      <br />
      <output htmlFor="text">{value.length} characters</output>
    </p>
  );
}
